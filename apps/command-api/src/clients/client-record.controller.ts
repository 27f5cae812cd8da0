import { Body, Controller, Delete, HttpCode, Param, Post, Put, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { setupSteps, type SetupStep } from '../../../../libs/events/src/chart-profile.events';
import { PracticeMemberGuard, RequiresPermission } from '../http/practice-member.guard';
import { badRequest } from '../http/problem';
import { ChartCallParams, type ChartCall } from './chart-call';
import { ChartCommandSender } from './chart-command-sender';
import { EditClientProfileCommand, TagClientCommand } from './client.commands';
import { PersonNameDto } from '../http/person-name.dto';
import {
  EditClientIdentityRequestDto,
  EditClientOverviewRequestDto,
  EditClientProfileRequestDto,
  SetClientPhotoRequestDto,
  TagClientRequestDto,
} from './client-record.request.dto';
import { uuidParam } from './path-params';

/** The client's record: profile card, overview, identity, photo, tags and the setup wizard. */
@ApiTags('clients')
@ApiBearerAuth()
@UseGuards(PracticeMemberGuard)
@Controller('practices/:practiceId/clients/:clientId')
export class ClientRecordController {
  constructor(private readonly sender: ChartCommandSender) {}

  @Put('profile')
  @RequiresPermission('clients:write')
  editProfile(@ChartCallParams() call: ChartCall, @Body() body: EditClientProfileRequestDto, @Res({ passthrough: true }) response: Response) {
    const envelope = this.sender.envelope(call, 'EditClientProfile');
    const command = {
      type: 'EditClientProfile' as const,
      chartId: call.chartId,
      practiceId: call.practiceId,
      firstName: body.firstName,
      lastName: body.lastName,
      email: body.email ?? null,
      phone: body.phone ?? null,
      gender: body.gender ?? null,
      location: body.location ?? null,
    };
    return this.sender.send(response, new EditClientProfileCommand(envelope, command, call.ifMatch));
  }

  @Put('overview')
  @RequiresPermission('clients:write')
  editOverview(@ChartCallParams() call: ChartCall, @Body() body: EditClientOverviewRequestDto, @Res({ passthrough: true }) response: Response) {
    const a = body.address;
    return this.sender.change(response, call, {
      type: 'EditClientOverview',
      dateOfBirth: body.dateOfBirth ?? null,
      address: a ? { line1: a.line1, line2: a.line2 ?? null, city: a.city ?? null, region: a.region ?? null, postalCode: a.postalCode ?? null, country: a.country ?? null } : null,
      occupation: body.occupation ?? null,
      employmentStatus: body.employmentStatus ?? null,
      relationshipStatus: body.relationshipStatus ?? null,
      livingArrangement: body.livingArrangement ?? null,
      diagnosis: body.diagnosis ?? null,
      symptoms: body.symptoms ?? null,
    });
  }

  @Put('identity')
  @RequiresPermission('clients:write')
  editIdentity(@ChartCallParams() call: ChartCall, @Body() body: EditClientIdentityRequestDto, @Res({ passthrough: true }) response: Response) {
    return this.sender.change(response, call, {
      type: 'EditClientIdentity',
      pronouns: body.pronouns ?? null,
      legalSex: body.legalSex ?? null,
      genderIdentity: body.genderIdentity ?? null,
    });
  }

  @Put('legal-name')
  @RequiresPermission('clients:write')
  setLegalName(@ChartCallParams() call: ChartCall, @Body() body: PersonNameDto, @Res({ passthrough: true }) response: Response) {
    return this.sender.change(response, call, { type: 'SetLegalName', firstName: body.firstName, lastName: body.lastName });
  }

  @Delete('legal-name')
  @RequiresPermission('clients:write')
  clearLegalName(@ChartCallParams() call: ChartCall, @Res({ passthrough: true }) response: Response) {
    return this.sender.change(response, call, { type: 'ClearLegalName' });
  }

  @Put('photo')
  @RequiresPermission('clients:write')
  setPhoto(@ChartCallParams() call: ChartCall, @Body() body: SetClientPhotoRequestDto, @Res({ passthrough: true }) response: Response) {
    return this.sender.change(response, call, { type: 'SetClientPhoto', photoRef: body.photoRef });
  }

  @Delete('photo')
  @RequiresPermission('clients:write')
  removePhoto(@ChartCallParams() call: ChartCall, @Res({ passthrough: true }) response: Response) {
    return this.sender.change(response, call, { type: 'RemoveClientPhoto' });
  }

  @Post('tags')
  @HttpCode(200)
  @RequiresPermission('clients:write')
  tag(@ChartCallParams() call: ChartCall, @Body() body: TagClientRequestDto, @Res({ passthrough: true }) response: Response) {
    const envelope = this.sender.envelope(call, 'TagClient');
    return this.sender.send(response, new TagClientCommand(envelope, call.chartId, body.tagId, call.ifMatch));
  }

  @Delete('tags/:tagId')
  @RequiresPermission('clients:write')
  untag(@ChartCallParams() call: ChartCall, @Param('tagId') tagId: string, @Res({ passthrough: true }) response: Response) {
    return this.sender.change(response, call, { type: 'UntagClient', tagId: uuidParam(tagId, 'tagId') });
  }

  @Post('setup/steps/:step')
  @HttpCode(200)
  @RequiresPermission('clients:write')
  completeStep(@ChartCallParams() call: ChartCall, @Param('step') step: string, @Res({ passthrough: true }) response: Response) {
    if (!(setupSteps as readonly string[]).includes(step)) {
      throw badRequest('ValidationFailed', 'The request is not valid', [{ field: 'step', message: `must be one of ${setupSteps.join(', ')}` }]);
    }
    return this.sender.change(response, call, { type: 'CompleteSetupStep', step: step as SetupStep });
  }

  @Post('setup/complete')
  @HttpCode(200)
  @RequiresPermission('clients:write')
  completeSetup(@ChartCallParams() call: ChartCall, @Res({ passthrough: true }) response: Response) {
    return this.sender.change(response, call, { type: 'CompleteClientSetup' });
  }
}
